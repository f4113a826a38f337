package io.newsflow.support.retry;

import org.apache.kafka.common.errors.RetriableException;

import javax.transaction.xa.XAException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Which failures the {@link RetryBackoff retry policy} retries: the database or broker away, overloaded or too slow
 * to answer, not the ones that will fail again (bad data, a record too large for Kafka). Looks through causes and suppressed exceptions: when the database goes away
 * during the commit, the transaction manager throws a RollbackException that carries the driver's error only as a
 * suppressed XAException; Hibernate's JDBCConnectionException carries the driver's SQLException as its cause.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (isTransientItself(t)) {
                return true;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(java.util.List.of(t.getSuppressed()));
        }
        return false;
    }

    private static boolean isTransientItself(Throwable t) {
        if (t instanceof ConnectException || t instanceof SQLTransientException || t instanceof SQLNonTransientConnectionException
                || t instanceof RetriableException || t instanceof TimeoutException) {
            return true;
        }
        if (t instanceof XAException xa) {
            // the resource manager failed or lost the connection: nothing was committed
            return xa.errorCode == XAException.XAER_RMFAIL || xa.errorCode == XAException.XA_RBCOMMFAIL;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            // 08 connection, 53 resources, 57 operator intervention (shutdown), 40 rollback (deadlock, serialization)
            return state == null ? String.valueOf(sql.getMessage()).contains("Acquisition timeout")
                    || String.valueOf(sql.getMessage()).contains("connection has been closed")
                    : state.startsWith("08") || state.startsWith("53") || state.startsWith("57") || state.startsWith("40");
        }
        return false;
    }
}
