package io.dcx.chaincode;

/**
 * Object types of the contract's composite keys ({@code ChaincodeStub#createCompositeKey}). Every key the contract
 * writes is one of these; the attributes are listed in order, the value after the arrow:
 *
 * <pre>
 * work          (workId)                      -&gt; Work JSON
 * workHash      (contentHash)                 -&gt; work id (UTF-8)           unique content hash
 * creatorWork   (accountId, workId)           -&gt; 0x00                      "works by creator"
 * asset         (assetId)                     -&gt; Asset JSON
 * ownerAsset    (ownerId, assetId)            -&gt; 0x00                      "assets by owner", moved on every transfer
 * workAsset     (workId, assetId)             -&gt; 0x00                      "assets of a work"
 * licence       (licenceId)                   -&gt; Licence JSON
 * workLicence   (workId, licenceId)           -&gt; 0x00                      "licences of a work"
 * trade         (tradeId)                     -&gt; Trade JSON                written once, by SettleTrade
 * transferCount ("asset"|"account", id, yyyyMMdd) -&gt; decimal count        daily transfers, UTC day of the tx
 * policy        ()                            -&gt; BoardPolicy JSON          singleton
 * </pre>
 *
 * <p>Index values are a single 0x00 byte rather than empty, because Fabric treats an empty value as a delete.
 */
final class Keys {
    static final String WORK = "work";
    static final String WORK_HASH = "workHash";
    static final String CREATOR_WORK = "creatorWork";
    static final String ASSET = "asset";
    static final String OWNER_ASSET = "ownerAsset";
    static final String WORK_ASSET = "workAsset";
    static final String LICENCE = "licence";
    static final String WORK_LICENCE = "workLicence";
    static final String TRADE = "trade";
    static final String TRANSFER_COUNT = "transferCount";
    static final String POLICY = "policy";

    static final String SCOPE_ASSET = "asset";
    static final String SCOPE_ACCOUNT = "account";

    private Keys() {
    }
}
