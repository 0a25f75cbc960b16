package org.planledger.events;

/** The delivery horizons the plan gives its actions ("Short Term", "Medium Term", "Long Term"). */
public enum Timeframe {
    SHORT, MEDIUM, LONG
}
