package org.interlay.discovery.jgroups;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

import org.jgroups.conf.ProtocolConfiguration;
import org.jgroups.conf.ProtocolStackConfigurator;
import org.jgroups.conf.XmlConfigurator;

/**
 * Reads a stack XML from the class path and puts the configured address into every protocol that
 * binds a socket (the UDP transport and FD_SOCK2) and the configured port into the transport.
 */
final class GroupStack implements ProtocolStackConfigurator {

    private static final Set<String> BINDING_PROTOCOLS = Set.of("UDP", "FD_SOCK2");

    private final List<ProtocolConfiguration> protocols;

    private GroupStack(List<ProtocolConfiguration> protocols) {
        this.protocols = protocols;
    }

    static GroupStack load(JGroupsConfig config) throws IOException {
        ClassLoader loader = GroupStack.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(config.stackResource())) {
            if (in == null) {
                throw new IOException("no JGroups stack resource " + config.stackResource());
            }
            List<ProtocolConfiguration> protocols = XmlConfigurator.getInstance(in).getProtocolStack();
            for (ProtocolConfiguration protocol : protocols) {
                if (BINDING_PROTOCOLS.contains(protocol.getProtocolName())) {
                    protocol.getProperties().put("bind_addr", config.bindAddress().getHostAddress());
                }
                if (protocol.getProtocolName().equals("UDP")) {
                    protocol.getProperties().put("mcast_port", Integer.toString(config.multicastPort()));
                }
            }
            return new GroupStack(protocols);
        }
    }

    @Override
    public String getProtocolStackString() {
        StringBuilder text = new StringBuilder();
        for (ProtocolConfiguration protocol : protocols) {
            text.append(text.length() == 0 ? "" : ":").append(protocol.getProtocolString());
        }
        return text.toString();
    }

    @Override
    public List<ProtocolConfiguration> getProtocolStack() {
        return protocols;
    }
}
