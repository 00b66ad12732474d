package org.interlay.router.membership;

import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.interlay.discovery.Algorithm;
import org.interlay.overlay.node.OverlayAlgorithm;

/**
 * The overlay algorithms this process can run: those {@link ServiceLoader} finds, each registered by
 * its module as an {@link OverlayAlgorithm}. Discovery may name others; only joining an overlay needs
 * its algorithm installed here.
 */
public final class InstalledAlgorithms {
    private InstalledAlgorithms() {
    }

    /** The names of the installed algorithms, in name order. */
    public static List<Algorithm> names() {
        return OverlayAlgorithm.all().stream().map(InstalledAlgorithms::nameOf).toList();
    }

    /** The installed names as one phrase, for help texts and errors: {@code chord, kademlia, pastry}. */
    public static String listed() {
        List<Algorithm> names = names();
        return names.isEmpty() ? "none" : names.stream().map(Algorithm::name).collect(Collectors.joining(", "));
    }

    /**
     * The implementation of {@code algorithm}.
     *
     * @throws IllegalArgumentException when it is not installed, naming the ones that are
     */
    public static OverlayAlgorithm implementation(Algorithm algorithm) {
        for (OverlayAlgorithm installed : OverlayAlgorithm.all()) {
            if (installed.name().equals(algorithm.name())) return installed;
        }
        throw new IllegalArgumentException("unknown algorithm '" + algorithm + "'; installed: " + listed());
    }

    /**
     * The implementation of the algorithm a user named, in any case.
     *
     * @throws IllegalArgumentException for a name of the wrong syntax, or one not installed
     */
    public static OverlayAlgorithm named(String name) {
        return implementation(Algorithm.named(name == null ? null : name.toLowerCase(Locale.ROOT)));
    }

    /**
     * The algorithm a user named, in any case, checked to be installed.
     *
     * @throws IllegalArgumentException for a name of the wrong syntax, or one not installed
     */
    public static Algorithm requireInstalled(String name) {
        return Algorithm.named(named(name).name());
    }

    private static Algorithm nameOf(OverlayAlgorithm installed) {
        if (!Algorithm.isName(installed.name())) {
            throw new IllegalStateException(installed.getClass().getName() + " is installed under the name '"
                    + installed.name() + "', which is not " + Algorithm.SYNTAX);
        }
        return Algorithm.named(installed.name());
    }
}
