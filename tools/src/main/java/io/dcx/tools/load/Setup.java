package io.dcx.tools.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Before the load: the run's users in Keycloak (one partial import through the admin API, with their realm roles),
 * their tokens (password grant on the dcx-cli client), their KYC submitted and approved by the demo operator, the
 * board policy opened for resales (no holding period, high daily caps: the load resells what it bought the same
 * day), and, with the token rail on, a payout wallet each.
 */
final class Setup {
    private final Api api;
    private final String oidcUrl;
    private final String keycloakBase;
    private final String realm;
    private final String admin;
    private final String adminPassword;
    private final Consumer<String> log;

    Setup(Api api, String serviceUrl, String oidcUrl, String admin, String adminPassword, String demoPassword,
            Consumer<String> log) {
        this.api = api;
        this.oidcUrl = oidcUrl.replaceAll("/+$", "");
        int at = this.oidcUrl.indexOf("/realms/");
        if (at < 0) {
            throw new IllegalArgumentException("--oidc-url must end in /realms/<realm>: " + oidcUrl);
        }
        this.keycloakBase = this.oidcUrl.substring(0, at);
        this.realm = this.oidcUrl.substring(at + "/realms/".length());
        this.admin = admin;
        this.adminPassword = adminPassword;
        this.log = log;
    }

    private static IllegalStateException failed(String what, Api.Reply r) {
        return new IllegalStateException(what + " failed: " + r.status() + " " + r.code() + " " + r.detail()
                + " " + r.body());
    }

    String token(String user, String password) {
        Api.Reply r = api.form("setup", oidcUrl + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "dcx-cli", "username", user, "password", password));
        if (r.status() != 200) {
            throw failed("token for " + user, r);
        }
        return r.text("access_token");
    }

    List<Market.User> users(long seed, int creators, int traders) {
        String runId = Long.toString(seed, 36) + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<Market.User> users = new ArrayList<>();
        for (int i = 0; i < creators; i++) {
            users.add(new Market.User("lc" + runId + "-" + i, "creator", i));
        }
        for (int i = 0; i < traders; i++) {
            users.add(new Market.User("lt" + runId + "-" + i, "trader", creators + i));
        }
        Api.Reply adminToken = api.form("setup", keycloakBase + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", admin,
                        "password", adminPassword));
        if (adminToken.status() != 200) {
            throw failed("Keycloak admin token", adminToken);
        }
        String password = "load-" + runId;
        ObjectNode body = Api.JSON.createObjectNode().put("ifResourceExists", "SKIP");
        var list = body.putArray("users");
        for (Market.User u : users) {
            ObjectNode n = list.addObject().put("username", u.name).put("enabled", true).put("emailVerified", true)
                    .put("firstName", "Load").put("lastName", u.name).put("email", u.name + "@load.dcx.example");
            n.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
            n.putArray("realmRoles").add(u.role);
            n.putArray("requiredActions");
        }
        Api.Reply imported = api.json("setup", "POST", keycloakBase + "/admin/realms/" + realm + "/partialImport",
                adminToken.text("access_token"), body);
        if (imported.status() != 200) {
            throw failed("creating the users in Keycloak", imported);
        }
        log.accept("created " + users.size() + " users in Keycloak realm " + realm + " (" + imported.body().path("added")
                + " added)");
        users.parallelStream().forEach(u -> u.token = token(u.name, password));
        return users;
    }

    void approveKyc(List<Market.User> users, String operator, long seed) {
        users.parallelStream().forEach(u -> {
            Identities.Identity id = Identities.of(seed, u.index);
            Map<String, Object> kyc = new LinkedHashMap<>();
            kyc.put("type", "INDIVIDUAL");
            kyc.put("name", id.name());
            kyc.put("idNumber", id.idNumber());
            kyc.put("phone", id.phone());
            kyc.put("bankCard", id.bankCard());
            Api.Reply submitted = api.post("setup", "/api/v1/kyc", u.token, kyc, null);
            if (submitted.status() != 201) {
                throw failed("KYC of " + u.name, submitted);
            }
            u.kycId = submitted.text("id");
            u.accountId = submitted.text("accountId");
            Api.Reply decided = api.post("setup", "/api/v1/kyc/" + u.kycId + "/decision", operator,
                    Map.of("decision", "APPROVE", "reason", "load run: documents checked", "tier", "TIER_2"), null);
            if (decided.status() != 200) {
                throw failed("approving the KYC of " + u.name, decided);
            }
        });
    }

    void openPolicy(String operator) {
        Api.Reply current = api.get("setup", "/api/v1/board/policy", operator);
        if (current.status() != 200) {
            throw failed("reading the board policy", current);
        }
        ObjectNode policy = Api.JSON.createObjectNode();
        policy.set("listingTypes", current.body().path("listingTypes"));
        policy.put("feeBps", current.body().path("feeBps").asInt());
        policy.put("royaltyBps", current.body().path("royaltyBps").asInt());
        policy.put("priceBandBps", current.body().path("priceBandBps").asInt());
        policy.put("holdingPeriodSeconds", 0L);
        policy.put("dailyTransferCapPerAsset", 10_000);
        policy.put("dailyTransferCapPerAccount", 10_000);
        Api.Reply changed = api.put("setup", "/api/v1/board/policy", operator, policy);
        if (changed.status() != 200) {
            throw failed("opening the board policy", changed);
        }
    }

    void wallets(List<Market.User> users) {
        users.parallelStream().forEach(u -> {
            byte[] address = new byte[20];
            ThreadLocalRandom.current().nextBytes(address);
            u.wallet = "0x" + HexFormat.of().formatHex(address);
            Api.Reply r = api.post("setup", "/api/v1/accounts/me/wallets", u.token, Map.of("address", u.wallet), null);
            if (r.status() != 201 && r.status() != 200) {
                throw failed("registering a wallet for " + u.name, r);
            }
        });
    }
}
