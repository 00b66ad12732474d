package org.interlay.shell;

import java.util.Iterator;
import org.interlay.discovery.Algorithm;
import org.interlay.router.membership.InstalledAlgorithms;

/**
 * The names of the installed algorithms, for an {@code --algo} option: picocli lists them in the help
 * ({@code ${COMPLETION-CANDIDATES}}) and offers them in generated completion scripts.
 */
public final class AlgorithmNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return InstalledAlgorithms.names().stream().map(Algorithm::name).iterator();
    }
}
