package io.newsflow.eval.util;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * CPU time used by this JVM (all its threads: workers, GC, JIT), in nanoseconds. Throughput per CPU-second does not
 * depend on how busy the rest of the machine is, unlike wall-clock throughput.
 */
public final class CpuClock {

    private CpuClock() {
    }

    /** Process CPU time in ns, or -1 when the JVM cannot tell. */
    public static long processNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }
}
