package io.dcx.chaincode;

import java.util.Locale;
import java.util.Set;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;

/**
 * Who may write. The identity is the transaction creator's MSP id plus the optional certificate attribute
 * {@code dcx.role} (Fabric CA attribute extension). Reads are open to every member of the channel.
 *
 * <table>
 * <caption>Write permissions</caption>
 * <tr><th>permission</th><th>transactions</th><th>allowed</th></tr>
 * <tr><td>REGISTER</td><td>RegisterWork, RegisterWorks, GrantLicence</td>
 *     <td>CopyrightMSP; ExchangeMSP with role {@code registrar}</td></tr>
 * <tr><td>ISSUE</td><td>IssueEditions, IssueCopyright</td><td>CopyrightMSP, ExchangeMSP</td></tr>
 * <tr><td>CHANGE_WORK_STATUS</td><td>SetWorkStatus</td><td>ExchangeMSP, CopyrightMSP</td></tr>
 * <tr><td>OPERATE_BOARD</td><td>LockAsset, SettleTrade, ReleaseAsset, TransferAsset, FreezeAsset,
 *     UnfreezeAsset, SetBoardPolicy</td><td>ExchangeMSP</td></tr>
 * </table>
 *
 * <p>Before any of that, RegulatorMSP and every identity whose role is {@code auditor} or {@code regulator} (in any
 * case) are refused with READ_ONLY_IDENTITY. Any other refusal is ACCESS_DENIED. Certificates issued by cryptogen
 * carry no attributes, so the MSP id alone suffices for the service's two identities (exchange and copyright).
 */
final class AccessControl {
    static final String EXCHANGE_MSP = "ExchangeMSP";
    static final String COPYRIGHT_MSP = "CopyrightMSP";
    static final String REGULATOR_MSP = "RegulatorMSP";
    static final String ROLE_ATTRIBUTE = "dcx.role";
    static final String REGISTRAR_ROLE = "registrar";
    private static final Set<String> READ_ONLY_ROLES = Set.of("auditor", "regulator");

    enum Permission {
        REGISTER("register works or grant licences"),
        ISSUE("issue assets"),
        CHANGE_WORK_STATUS("change the status of a work"),
        OPERATE_BOARD("operate the trading board");

        private final String description;

        Permission(final String description) {
            this.description = description;
        }
    }

    private AccessControl() {
    }

    /** Refuses the transaction unless the creator may write with {@code permission}. */
    static void requireWrite(final Context ctx, final Permission permission) {
        final ClientIdentity identity = ctx.getClientIdentity();
        final String msp = identity.getMSPID();
        final String role = identity.getAttributeValue(ROLE_ATTRIBUTE);
        final String who = msp + (role == null ? "" : " (role " + role + ")");

        if (REGULATOR_MSP.equals(msp) || role != null && READ_ONLY_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
            throw ErrorCode.READ_ONLY_IDENTITY.exception(who + " is read-only and may not " + permission.description);
        }
        final boolean exchange = EXCHANGE_MSP.equals(msp);
        final boolean copyright = COPYRIGHT_MSP.equals(msp);
        final boolean allowed = switch (permission) {
            case REGISTER -> copyright || exchange && REGISTRAR_ROLE.equals(role);
            case ISSUE, CHANGE_WORK_STATUS -> copyright || exchange;
            case OPERATE_BOARD -> exchange;
        };
        if (!allowed) {
            throw ErrorCode.ACCESS_DENIED.exception(who + " may not " + permission.description);
        }
    }
}
