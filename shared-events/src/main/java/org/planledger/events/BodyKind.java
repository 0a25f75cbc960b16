package org.planledger.events;

/** The kinds of governance body the plan names. */
public enum BodyKind {
    /** The Pain Management Task Force, which oversees the plan and reports to Ministers. */
    TASK_FORCE,
    /** A short-life working group, such as SLWG A for Aim A. */
    SHORT_LIFE_WORKING_GROUP,
    /** A network: Service Managers, Third Sector, Pain Medic, National Clinical Networks. */
    NETWORK,
    /** A standing national group, such as the National Pain Education Group. */
    NATIONAL_GROUP,
    /** An organisation outside the governance structure that delivers work: PHS, NES, HIS, NSD, SIGN. */
    EXTERNAL_ORGANISATION
}
