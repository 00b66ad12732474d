package org.interlay.router.presence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads and writes PIDF (RFC 3863, application/pidf+xml). Reading is strict where the RFC is (the
 * root is {@code presence} in the PIDF namespace with an entity, every tuple has an id and a status
 * whose basic is open or closed) and safe (no DTD, no external entities); unknown elements are skipped.
 */
public final class PidfCodec {
    public static final String CONTENT_TYPE = "application/pidf+xml";
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:pidf";
    public static final int MAX_BYTES = 7 * 1024;

    private PidfCodec() {
    }

    public static PresenceDocument parse(byte[] body) throws PidfFormatException {
        if (body.length == 0 || body.length > MAX_BYTES) {
            throw new PidfFormatException("a PIDF body is 1.." + MAX_BYTES + " bytes, got " + body.length);
        }
        Document doc;
        try {
            doc = builder().parse(new ByteArrayInputStream(body));
        } catch (SAXException | IOException e) {
            throw new PidfFormatException("not well-formed XML: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        if (!NAMESPACE.equals(root.getNamespaceURI()) || !"presence".equals(root.getLocalName())) {
            throw new PidfFormatException("the root element is not a PIDF presence");
        }
        String entity = root.getAttribute("entity");
        if (entity.isBlank()) throw new PidfFormatException("the presence element has no entity");
        List<PresenceDocument.Tuple> tuples = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Element child : children(root)) {
            if (child.getLocalName().equals("tuple")) tuples.add(tuple(child));
            if (child.getLocalName().equals("note")) notes.add(child.getTextContent().trim());
        }
        return new PresenceDocument(entity, tuples, notes);
    }

    private static PresenceDocument.Tuple tuple(Element tuple) throws PidfFormatException {
        String id = tuple.getAttribute("id");
        if (id.isBlank()) throw new PidfFormatException("a tuple has no id");
        PresenceDocument.Basic basic = null;
        String contact = null;
        String note = null;
        for (Element e : children(tuple)) {
            switch (e.getLocalName()) {
                case "status" -> basic = basic(e);
                case "contact" -> contact = e.getTextContent().trim();
                case "note" -> note = note == null ? e.getTextContent().trim() : note;
                default -> { }
            }
        }
        if (basic == null) throw new PidfFormatException("tuple " + id + " has no basic status");
        return new PresenceDocument.Tuple(id, basic, contact, note);
    }

    private static PresenceDocument.Basic basic(Element status) throws PidfFormatException {
        for (Element e : children(status)) {
            if (e.getLocalName().equals("basic")) {
                return switch (e.getTextContent().trim()) {
                    case "open" -> PresenceDocument.Basic.OPEN;
                    case "closed" -> PresenceDocument.Basic.CLOSED;
                    default -> throw new PidfFormatException("basic status is neither open nor closed");
                };
            }
        }
        return null;
    }

    /** Child elements in the PIDF namespace (extensions in other namespaces are skipped). */
    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NAMESPACE.equals(e.getNamespaceURI())) out.add(e);
        }
        return out;
    }

    public static byte[] format(PresenceDocument doc) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<presence xmlns=\"").append(NAMESPACE).append("\" entity=\"").append(escape(doc.entity())).append("\">\n");
        for (PresenceDocument.Tuple t : doc.tuples()) {
            xml.append(" <tuple id=\"").append(escape(t.id())).append("\">\n  <status><basic>")
                    .append(t.basic() == PresenceDocument.Basic.OPEN ? "open" : "closed").append("</basic></status>\n");
            if (t.contact() != null) xml.append("  <contact>").append(escape(t.contact())).append("</contact>\n");
            if (t.note() != null) xml.append("  <note>").append(escape(t.note())).append("</note>\n");
            xml.append(" </tuple>\n");
        }
        for (String note : doc.notes()) xml.append(" <note>").append(escape(note)).append("</note>\n");
        return xml.append("</presence>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static DocumentBuilder builder() throws PidfFormatException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            f.setXIncludeAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // fatal errors throw; nothing printed
            return b;
        } catch (ParserConfigurationException e) {
            throw new PidfFormatException("no safe XML parser available", e);
        }
    }
}
