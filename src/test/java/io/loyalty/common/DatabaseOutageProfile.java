package io.loyalty.common;

import io.loyalty.PostgresTestDatabase;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The application on a throwaway database of its own, reached through a {@link DatabaseProxy} the test can cut. */
public class DatabaseOutageProfile implements QuarkusTestProfile {
    static volatile DatabaseProxy proxy;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ProxiedDatabase.class));
    }

    /** PostgresTestDatabase's database, with the JDBC URL pointing at the proxy instead of the server. */
    public static class ProxiedDatabase extends PostgresTestDatabase {
        private static final Pattern HOST_PORT = Pattern.compile("^jdbc:postgresql://([^:/]+)(?::(\\d+))?/(.*)$");

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            Matcher m = HOST_PORT.matcher(config.get("quarkus.datasource.jdbc.url"));
            if (!m.matches()) {
                throw new IllegalStateException("unexpected JDBC URL " + config.get("quarkus.datasource.jdbc.url"));
            }
            try {
                proxy = new DatabaseProxy(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + proxy.port() + "/" + m.group(3));
            return config;
        }

        @Override
        public void stop() {
            if (proxy != null) {
                proxy.close();
            }
            super.stop();
        }
    }
}
