package io.dcx.chaincode;

/** What an asset is: edition k of N of a work, or the copyright of the work itself. */
public enum AssetKind {
    EDITION, COPYRIGHT
}
