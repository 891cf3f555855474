/** Dead letters: after bounded retries with back-off, a message goes to {@code <topic>.dlq}. */
package org.netsecweek.platform.deadletter;
