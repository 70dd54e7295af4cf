package io.dcx.service.application.board;

/**
 * The CONCENTRATION rule's limit as the board enforces it before a purchase: no account may come to hold more than
 * {@link #limitBps()} of a series of at least {@link #minSeries()} editions. Surveillance raises the alert on the
 * same threshold; this port lets the board read the threshold operators set at run time.
 */
public interface ConcentrationLimit {
    int limitBps();

    int minSeries();
}
