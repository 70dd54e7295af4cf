package io.dcx.service.domain.board;

/** What a halt stops: the whole board, one asset (wherever it is listed), or one listing. */
public enum HaltScope {
    BOARD, ASSET, LISTING
}
