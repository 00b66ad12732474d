package org.interlay.router.media;

/**
 * What one side of a call's media did: RTP packets sent, valid packets received from the far end,
 * and datagrams dropped on the media port (not RTP, or from another address).
 */
public record MediaStats(long sent, long received, long dropped) {
    public static final MediaStats NONE = new MediaStats(0, 0, 0);
}
