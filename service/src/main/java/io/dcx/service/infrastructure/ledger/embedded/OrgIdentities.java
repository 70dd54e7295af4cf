package io.dcx.service.infrastructure.ledger.embedded;

import com.google.protobuf.ByteString;
import io.dcx.service.application.ledger.LedgerIdentity;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * The consortium's client identities on the embedded ledger: for each organisation a CA and one client
 * certificate issued by it, as Fabric CA would issue them (ECDSA P-256, the role in Fabric's attribute extension
 * {@code 1.2.3.4.5.6.7.8.1} as {@code {"attrs":{"dcx.role":"..."}}}). They are generated on first start and kept
 * in {@code ledger_identity}, so the contract's {@code ctx.getClientIdentity()} sees the same identities, with
 * the same access control, as on Fabric, and across restarts. Private keys are not kept: nothing here signs.
 */
final class OrgIdentities {
    /** Fabric CA's OID for identity attributes in an X.509 certificate. */
    static final String FABRIC_ATTRIBUTES_OID = "1.2.3.4.5.6.7.8.1";
    static final String ROLE_ATTRIBUTE = "dcx.role";

    private final Map<LedgerIdentity, LedgerStore.IdentityRow> rows;
    private final Map<LedgerIdentity, byte[]> creators = new EnumMap<>(LedgerIdentity.class);

    OrgIdentities(Map<LedgerIdentity, LedgerStore.IdentityRow> rows) {
        this.rows = new EnumMap<>(rows);
        for (LedgerIdentity identity : LedgerIdentity.values()) {
            LedgerStore.IdentityRow row = rows.get(identity);
            if (row == null) {
                throw new IllegalStateException("no embedded ledger identity for " + identity.mspId());
            }
            creators.put(identity, SerializedIdentity.newBuilder()
                    .setMspid(row.mspId())
                    .setIdBytes(ByteString.copyFrom(row.certificatePem(), StandardCharsets.UTF_8))
                    .build()
                    .toByteArray());
        }
    }

    /** The role attribute each organisation's client identity carries. */
    static String roleOf(LedgerIdentity identity) {
        return switch (identity) {
            case EXCHANGE -> "exchange";
            case COPYRIGHT -> "registrar";
            case REGULATOR -> "auditor";
        };
    }

    /** The serialized identity (MSP id and PEM certificate) that the stub answers for getCreator(). */
    byte[] creator(LedgerIdentity identity) {
        return creators.get(identity).clone();
    }

    LedgerStore.IdentityRow row(LedgerIdentity identity) {
        return rows.get(identity);
    }

    /** All organisations in MSP id order, for the genesis block. */
    List<LedgerStore.IdentityRow> inMspOrder() {
        return rows.values().stream().sorted(java.util.Comparator.comparing(LedgerStore.IdentityRow::mspId)).toList();
    }

    /** A fresh CA and client certificate for one organisation. */
    static LedgerStore.IdentityRow generate(LedgerIdentity identity, Instant now) {
        try {
            String org = identity.mspId().replace("MSP", "Org");
            String domain = identity.name().toLowerCase(Locale.ROOT) + ".dcx";
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair caKeys = generator.generateKeyPair();
            KeyPair clientKeys = generator.generateKeyPair();
            Date notBefore = Date.from(now.minus(Duration.ofMinutes(5)));
            Date notAfter = Date.from(now.plus(Duration.ofDays(365L * 20)));
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();

            // RDNs in Fabric CA's encoding order (country first), so the names read "CN=..., OU=..., O=..., C=CN".
            X500Name caName = new X500Name("C=CN,O=" + org + ",CN=ca." + domain);
            X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(
                    caName, serial(), notBefore, notAfter, caName, caKeys.getPublic());
            ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(1));
            ca.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            ca.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(caKeys.getPublic()));
            ContentSigner caSigner = new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate());
            X509Certificate caCertificate = new JcaX509CertificateConverter().getCertificate(ca.build(caSigner));

            X500Name clientName = new X500Name("C=CN,O=" + org + ",OU=client,CN=" + roleOf(identity) + "-client."
                    + domain);
            X509v3CertificateBuilder client = new JcaX509v3CertificateBuilder(
                    caName, serial(), notBefore, notAfter, clientName, clientKeys.getPublic());
            client.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            client.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            client.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(caCertificate));
            String attributes = "{\"attrs\":{\"" + ROLE_ATTRIBUTE + "\":\"" + roleOf(identity) + "\","
                    + "\"hf.EnrollmentID\":\"" + roleOf(identity) + "-client\",\"hf.Type\":\"client\","
                    + "\"hf.Affiliation\":\"\"}}";
            // The extension value is the JSON itself, as Fabric CA writes it (ClientIdentity reads it so).
            client.addExtension(new ASN1ObjectIdentifier(FABRIC_ATTRIBUTES_OID), false,
                    attributes.getBytes(StandardCharsets.UTF_8));
            X509Certificate clientCertificate =
                    new JcaX509CertificateConverter().getCertificate(client.build(caSigner));
            clientCertificate.verify(caCertificate.getPublicKey());
            return new LedgerStore.IdentityRow(identity.mspId(), roleOf(identity), pem(caCertificate),
                    pem(clientCertificate));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot generate the embedded ledger identity of " + identity.mspId(), e);
        }
    }

    static X509Certificate parse(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored ledger certificate does not parse", e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(159, new SecureRandom());
    }

    private static String pem(X509Certificate certificate) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
