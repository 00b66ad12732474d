package org.interlay.overlay;

import java.util.List;

/**
 * Where a lookup ended and how it got there.
 *
 * @param responsible the node responsible for the key
 * @param route       the nodes the lookup passed through, from the asking node to the responsible one
 * @param hops        forwardings between nodes on that route (0 when the asking node is responsible)
 * @param rounds      sequential rounds of RPCs (for parallel lookups, fewer than the RPCs sent)
 * @param messages    datagrams sent and received for this lookup
 */
public record LookupResult(Key key, NodeRef responsible, List<NodeRef> route, int hops, int rounds, int messages,
                           long latencyMillis) {}
