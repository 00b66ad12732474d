package org.interlay.overlay.node;

import org.interlay.overlay.Key;

/**
 * An algorithm's rule of responsibility applied to the global view, the yardstick a simulator grades
 * lookups by: an algorithm's {@link OverlayAlgorithm} implements this beside it. A running node never
 * calls it.
 */
public interface CheckableAlgorithm {
    /** Who is responsible for {@code key} when every live node is known. */
    Key responsible(GlobalView view, Key key);
}
