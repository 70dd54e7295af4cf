package io.dcx.service.api;

/** Realm roles of the dcx Keycloak realm, as used in {@code @RolesAllowed}. */
final class Roles {
    static final String CREATOR = "creator";
    static final String OPERATOR = "operator";
    static final String REGULATOR = "regulator";
    static final String ADMIN = "admin";
    static final String TRADER = "trader";

    private Roles() {
    }
}
