/**
 * JournalMQ's side of per-destination authorization (issue 15 item 1): the checks the facade makes
 * against the journal's cached access control list before it sends, consumes, browses or manages.
 */
package org.journalmq.jms.acl;
