package dev.promesa.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a Quarkus test's default datasource at the test JVM's own PostgreSQL database. (Dev Services are a build-time
 * switch: services turn them off in application.properties.)
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        PostgresDatabase database = PostgresDatabase.shared();
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username()));
        if (database.password() != null) {
            config.put("quarkus.datasource.password", database.password());
        }
        return config;
    }

    @Override
    public void stop() {
        // Shared by every Quarkus start in this JVM; dropped by a shutdown hook.
    }
}
