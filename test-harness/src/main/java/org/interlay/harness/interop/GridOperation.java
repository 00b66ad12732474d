package org.interlay.harness.interop;

/** The operations the interop grid tries for each ordered pair of domains, in the order it runs them. */
public enum GridOperation {
    REGISTER("REGISTER"),
    LOOKUP("lookup"),
    MESSAGE("MESSAGE"),
    PUBLISH("PUBLISH"),
    SUBSCRIBE_NOTIFY("SUBSCRIBE/NOTIFY"),
    INVITE_ACK_BYE("INVITE/ACK/BYE"),
    OFFLINE_MESSAGE("offline MESSAGE");

    private final String label;

    GridOperation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
