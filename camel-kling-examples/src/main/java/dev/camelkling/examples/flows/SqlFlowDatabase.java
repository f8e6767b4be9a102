package dev.camelkling.examples.flows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The SQL flow's database: a {@link DataSource} for any JDBC URL (H2 in-process by default, PostgreSQL when its URL is
 * given; the URL picks the driver), with the {@code jobs} table created if it is missing.
 * <p>
 * Every statement opens a connection of its own: enough for the flow and its tests. A production deployment would put
 * a pool (HikariCP, Agroal) in the registry instead; the routes only need some {@code DataSource}.
 */
public final class SqlFlowDatabase {

    /** The table's definition, portable between H2 and PostgreSQL. */
    public static final String SCHEMA = "flows/sql-flow-schema.sql";

    private SqlFlowDatabase() {
    }

    /**
     * Opens the database and creates the jobs table unless it exists. Both DSLs bind the result as {@code jobsDb}
     * (camel-sql autowires the only DataSource in the registry).
     *
     * @param password may be empty (H2's default user {@code sa} has none); never logged
     */
    public static DataSource open(String url, String user, String password) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, user, password);
        createSchema(dataSource);
        return dataSource;
    }

    /** The database for the console: the URL without its parameters, which may carry credentials. */
    public static String describe(String url) {
        return url.replaceAll("[?;].*", "");
    }

    static void createSchema(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : schemaStatements()) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the jobs table: " + e.getMessage(), e);
        }
    }

    /** The schema file's statements: comments dropped, split at the semicolons that end them. */
    static List<String> schemaStatements() {
        try (InputStream in = SqlFlowDatabase.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " is missing from the classpath");
            }
            String withoutComments = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("--[^\n]*", "");
            return Arrays.stream(withoutComments.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
