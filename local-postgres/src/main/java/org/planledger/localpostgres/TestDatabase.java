package org.planledger.localpostgres;

/** A test's own database, with a login for each of Plan Ledger's roles on it ({@link TestDatabases#create()}). */
public record TestDatabase(Database admin, DatabaseRoles roles) {

    /** Who the migrations log in as, and who may do anything to the schemas (triggers off, say). */
    public Database owner() {
        return admin.as(roles.owner());
    }

    public Database command() {
        return admin.as(roles.command());
    }

    public Database query() {
        return admin.as(roles.query());
    }
}
