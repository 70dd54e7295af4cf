/**
 * The dcx Fabric contract: namespaces {@code works} ({@link io.dcx.chaincode.WorkContract}), {@code assets}
 * ({@link io.dcx.chaincode.AssetContract}) and {@code policy} ({@link io.dcx.chaincode.BoardPolicyContract}).
 *
 * <p>Every transaction takes string arguments and answers JSON text written by the contract's own codec
 * ({@code Json}), so the stored records and answers have a fixed shape that the service parses with Jackson. The
 * record shapes are documented on {@link io.dcx.chaincode.Work}, {@link io.dcx.chaincode.Asset},
 * {@link io.dcx.chaincode.Licence}, {@link io.dcx.chaincode.Trade} and {@link io.dcx.chaincode.BoardPolicy}; the
 * key layout on {@code Keys}; who may write on {@code AccessControl}; refusals on
 * {@link io.dcx.chaincode.ErrorCode}.
 *
 * <p>The records are {@code @DataType} Java records so that the contract metadata describes them, but the shim's
 * JSON serializer never converts them: it binds objects through a no-argument constructor and field writes
 * (impossible for records) and writes them through bean getters with unordered members. String arguments also let
 * the contract answer malformed JSON with INVALID_ARGUMENT instead of the shim's "Unexpected error".
 *
 * <p>On a peer, the shaded {@code dcx-chaincode-*-server.jar} runs {@code org.hyperledger.fabric.contract.ContractRouter}
 * (chaincode as a service); in the service, {@link io.dcx.chaincode.InProcessRouter} runs the same classes.
 */
package io.dcx.chaincode;
