package org.planledger.localpostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Where one PostgreSQL database is and how to log in to it. */
public record Database(String url, String username, String password) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }
}
