package io.dcx.chaincode;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * A transaction creator as Fabric presents it to chaincode: a serialized identity (MSP id plus a PEM X.509
 * certificate). The role, if any, is in the Fabric CA attribute extension (OID 1.2.3.4.5.6.7.8.1) as
 * {@code {"attrs":{"dcx.role":"..."}}}, so the shim's ClientIdentity parses it exactly as on a peer.
 */
record TestIdentity(String mspId, String role, byte[] serialized) {
    private static final String ATTRIBUTE_OID = "1.2.3.4.5.6.7.8.1";
    private static final Map<String, TestIdentity> CACHE = new ConcurrentHashMap<>();
    private static final AtomicLong SERIAL = new AtomicLong(1000);

    static final TestIdentity EXCHANGE = of("ExchangeMSP", null);
    static final TestIdentity COPYRIGHT = of("CopyrightMSP", null);
    static final TestIdentity REGULATOR = of("RegulatorMSP", null);
    static final TestIdentity REGISTRAR = of("ExchangeMSP", "registrar");

    static TestIdentity of(final String mspId, final String role) {
        return CACHE.computeIfAbsent(mspId + "/" + role, k -> create(mspId, role));
    }

    @Override
    public String toString() {
        return mspId + (role == null ? "" : "(" + role + ")");
    }

    private static TestIdentity create(final String mspId, final String role) {
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            final KeyPair keys = generator.generateKeyPair();
            final X500Name subject = new X500Name("CN=user-" + (role == null ? "client" : role) + ",OU=client,O="
                    + mspId);
            final long now = System.currentTimeMillis();
            final JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    BigInteger.valueOf(SERIAL.incrementAndGet()), new Date(now - 86_400_000L),
                    new Date(now + 365L * 86_400_000L), subject, keys.getPublic());
            if (role != null) {
                builder.addExtension(new ASN1ObjectIdentifier(ATTRIBUTE_OID), false,
                        ("{\"attrs\":{\"dcx.role\":\"" + role + "\"}}").getBytes(StandardCharsets.UTF_8));
            }
            final X509CertificateHolder cert =
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            final String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            final byte[] serialized = SerializedIdentity.newBuilder()
                    .setMspid(mspId)
                    .setIdBytes(ByteString.copyFromUtf8(pem))
                    .build()
                    .toByteArray();
            return new TestIdentity(mspId, role, serialized);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a test certificate", e);
        }
    }
}
