package org.planledger.localpostgres;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Where one PostgreSQL database is and how to log in to it. */
public record Database(String url, String username, String password) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    /** The same database, logged in as {@code login}. */
    public Database as(DatabaseRoles.Login login) {
        return new Database(url, login.role(), login.password());
    }

    /** Unpooled connections, for a test's own JdbcClient beside the service's. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(username);
        dataSource.setPassword(password);
        return dataSource;
    }
}
