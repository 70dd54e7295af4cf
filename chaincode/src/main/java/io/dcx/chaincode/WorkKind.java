package io.dcx.chaincode;

/** What a registered work is; the same names are used by the service. */
public enum WorkKind {
    IMAGE, VIDEO, AUDIO, TEXT, FILM_TV_RIGHTS, DATASET, OTHER
}
