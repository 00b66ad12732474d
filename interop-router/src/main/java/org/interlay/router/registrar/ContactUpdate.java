package org.interlay.router.registrar;

import javax.sip.address.URI;

/**
 * One Contact of a REGISTER, read: the URI, the seconds granted (0 removes the binding) and q.
 *
 * @param q preference in thousandths, 0..1000
 */
record ContactUpdate(URI uri, long seconds, int q) {}
