package org.interlay.discovery.jgroups;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.jgroups.conf.ProtocolConfiguration;
import org.jgroups.conf.ProtocolStackConfigurator;
import org.jgroups.conf.XmlConfigurator;

/** Reads a stack XML from the class path and puts the configured address and port into its UDP transport. */
final class GroupStack implements ProtocolStackConfigurator {

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
            ProtocolConfiguration transport = protocols.get(0);
            if (transport.getProtocolName().equals("UDP")) {
                transport.getProperties().put("bind_addr", config.bindAddress().getHostAddress());
                transport.getProperties().put("mcast_port", Integer.toString(config.multicastPort()));
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
