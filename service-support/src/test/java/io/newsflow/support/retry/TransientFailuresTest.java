package io.newsflow.support.retry;

import jakarta.transaction.RollbackException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTest {

    @Test
    void databaseGoingAwayIsTransientWhereverItIsWrapped() {
        assertThat(TransientFailures.isTransient(new RuntimeException(new ConnectException("refused")))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("shutdown", "57P01")))).isTrue();
        // PostgreSQL stopped during the commit, as FaultToleranceIT met it: the transaction manager's
        // RollbackException carries the driver's error only as a suppressed XAException
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.errorCode = XAException.XA_RBROLLBACK;
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        RollbackException commitFailed = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commitFailed.addSuppressed(xa);
        assertThat(TransientFailures.isTransient(new IllegalStateException(commitFailed))).isTrue();
    }

    @Test
    void brokerAwayOrSlowIsTransientButATooLargeRecordIsNot() {
        assertThat(TransientFailures.isTransient(new RuntimeException(new NotEnoughReplicasException("min.insync.replicas")))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new TimeoutException("no acknowledgement")))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new RecordTooLargeException("1 MB")))).isFalse();
    }

    @Test
    void badDataIsNotTransient() {
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("value too long", "22001")))).isFalse();
        assertThat(TransientFailures.isTransient(new RollbackException("constraint violated at commit"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("no"))).isFalse();
    }
}
