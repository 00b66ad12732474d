/**
 * Pastry's own messages, type codes 64 and up. Every list of nodes is read with a bound, and every
 * reader consumes its body exactly (the frame codec checks), so a malformed message is a typed error
 * that the RPC layer counts and drops.
 */
package org.interlay.pastry.msg;
