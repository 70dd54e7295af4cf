package io.dcx.chaincode;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.License;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Namespace {@code policy}: the board rules the asset contract enforces on chain, so they cannot be bypassed by
 * writing to the ledger directly.
 *
 * <ul>
 * <li>{@code policy:SetBoardPolicy(policyJson)} SUBMIT (ExchangeMSP only):
 *     {@code {"holdingPeriodSeconds":0..316224000,"dailyTransferCapPerAsset":0..1000000,
 *     "dailyTransferCapPerAccount":0..1000000}}; the stored policy is replaced as a whole, a member left out takes
 *     its default; answers the stored {@link BoardPolicy}; event {@code BoardPolicyChanged} with it.</li>
 * <li>{@code policy:GetBoardPolicy()} EVALUATE: the stored policy, or the defaults (with {@code updatedAt} and
 *     {@code txId} null) while none is stored.</li>
 * </ul>
 *
 * <p>Key: {@code policy()} -&gt; BoardPolicy (a singleton).
 */
@Contract(
        name = "policy",
        info = @Info(
                title = "dcx board policy",
                description = "Holding period and daily transfer caps enforced by the asset contract",
                version = "1.0.0",
                license = @License(name = "Apache-2.0")))
public final class BoardPolicyContract implements ContractInterface {

    @Override
    public void unknownTransaction(final Context ctx) {
        throw ErrorCode.UNKNOWN_TRANSACTION.exception(
                "contract policy has no transaction " + ctx.getStub().getFunction());
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String SetBoardPolicy(final Context ctx, final String policyJson) {
        AccessControl.requireWrite(ctx, AccessControl.Permission.OPERATE_BOARD);
        final LedgerState state = new LedgerState(ctx);
        final BoardPolicy policy =
                BoardPolicy.fromRequest(Json.parseObject(policyJson, "policyJson"), state.now(), state.txId());
        final String json = policy.toJson().toString();
        state.put(state.key(Keys.POLICY), json);
        state.emit("BoardPolicyChanged", json);
        return json;
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetBoardPolicy(final Context ctx) {
        return new LedgerState(ctx).policy().toJson().toString();
    }
}
