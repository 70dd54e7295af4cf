package io.dcx.chaincode;

import java.util.List;
import org.hyperledger.fabric.contract.ContractInterface;

/**
 * The contract classes and data types of the dcx chaincode, listed explicitly. On a Fabric peer the shim's
 * {@code ContractRouter} finds them by scanning the class path for {@code @Contract} and {@code @DataType}; in
 * process, {@link InProcessRouter} registers exactly these lists instead (see there why). A test checks that the
 * lists match the annotated classes of this package.
 */
public final class DcxContracts {

    /** Every contract, by namespace: {@code works}, {@code assets}, {@code policy}. */
    public static final List<Class<? extends ContractInterface>> CONTRACT_CLASSES =
            List.of(WorkContract.class, AssetContract.class, BoardPolicyContract.class);

    /** Every {@code @DataType}: the records stored on the ledger and their parts. */
    public static final List<Class<?>> DATA_TYPE_CLASSES = List.of(
            Work.class, Creator.class, Asset.class, TradeLock.class, Licence.class, LicenceScope.class,
            Trade.class, BoardPolicy.class);

    private DcxContracts() {
    }
}
