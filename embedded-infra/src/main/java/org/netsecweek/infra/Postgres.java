package org.netsecweek.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A running PostgreSQL server the suite may create databases on.
 *
 * @param host host name
 * @param port port
 * @param username a role allowed to create databases
 * @param password its password (may be empty for the embedded server, which trusts local connections)
 */
public record Postgres(String host, int port, String username, String password) {

	private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://" + host + ":" + port + "/" + database;
	}

	/** Creates the database unless it exists. Names are restricted to lower-case identifiers. */
	public void createDatabase(String name) {
		if (!SAFE_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a safe database name: " + name);
		}
		try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username, password);
				Statement statement = connection.createStatement()) {
			var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
			if (!exists.next()) {
				statement.execute("CREATE DATABASE " + name);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name + " on " + host + ":" + port + ": "
					+ ex.getMessage(), ex);
		}
	}
}
