package io.newsflow.eval.util;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap figures: the live heap after a full GC (what models retain), and the peak heap in use during a phase
 * (sampled every 20 ms; it includes garbage not yet collected, so it depends on -Xmx and the collector).
 */
public final class HeapMeter implements AutoCloseable {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peak;

    private HeapMeter() {
        peak = used();
        sampler = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, used());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts sampling the heap in use. */
    public static HeapMeter start() {
        return new HeapMeter();
    }

    /** The highest heap in use seen so far, in bytes. */
    public long peak() {
        return Math.max(peak, used());
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    public static long used() {
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** Heap in use after full collections (live objects), in bytes. */
    public static long live() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            used = Math.min(used, used());
        }
        return used;
    }

    public static long max() {
        return Runtime.getRuntime().maxMemory();
    }

    public static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }
}
