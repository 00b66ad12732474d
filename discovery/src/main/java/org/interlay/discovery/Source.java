package org.interlay.discovery;

/** Where an advert was learnt. */
public enum Source {
    /** DNS-SD over multicast DNS. */
    MDNS,
    /** A beacon in the JGroups discovery group. */
    JGROUPS,
    /** A static entries file, for networks with no multicast. */
    STATIC
}
