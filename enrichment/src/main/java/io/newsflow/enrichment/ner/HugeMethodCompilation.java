package io.newsflow.enrichment.ner;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * Whether the JVM compiles CoreNLP's CRF feature extraction, which it does not by default.
 *
 * <p>{@code NERFeatureFactory.featuresC} builds every token's feature strings for both English CRFs and is 10,370 bytes of
 * bytecode: over HotSpot's 8,000-byte limit for compiling a method ({@code DontCompileHugeMethods}, on by default), so it
 * runs in the interpreter, a third of an English article's CPU. With {@code -XX:-DontCompileHugeMethods} it is compiled
 * like any other hot method (docs/performance.md, "Named entities: the CRF's feature extraction compiled"). The
 * launchers and the image set the option; this check tells an operator whose own JVM options leave it out.
 */
public final class HugeMethodCompilation {

    /** The HotSpot option that keeps methods over 8,000 bytes of bytecode interpreted. */
    static final String OPTION = "DontCompileHugeMethods";

    private HugeMethodCompilation() {
    }

    /** A warning for the log when this JVM leaves huge methods interpreted; empty when it compiles them or is no HotSpot. */
    public static Optional<String> warning() {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotSpot == null ? Optional.empty() : warning(hotSpot.getVMOption(OPTION).getValue());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return Optional.empty(); // not a HotSpot JVM: it has no such limit to lift
        }
    }

    static Optional<String> warning(String dontCompileHugeMethods) {
        if (!Boolean.parseBoolean(dontCompileHugeMethods)) {
            return Optional.empty();
        }
        return Optional.of("CoreNLP's CRF feature extraction runs interpreted in this JVM (-XX:+" + OPTION + ", the default): "
                + "named-entity tagging takes about a fifth more CPU per article. Start the JVM with -XX:-" + OPTION + ".");
    }
}
