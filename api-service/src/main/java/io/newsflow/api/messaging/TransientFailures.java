package io.newsflow.api.messaging;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;

/** Tells failures worth retrying (database away or overloaded) from ones that will fail again. */
final class TransientFailures {

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08 connection, 53 resources, 57 operator intervention (shutdown), 40 rollback (deadlock, serialization)
                if (state == null ? String.valueOf(sql.getMessage()).contains("Acquisition timeout")
                        : state.startsWith("08") || state.startsWith("53") || state.startsWith("57") || state.startsWith("40")) {
                    return true;
                }
            }
        }
        return false;
    }
}
