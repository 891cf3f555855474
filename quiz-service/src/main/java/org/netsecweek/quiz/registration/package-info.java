/**
 * A worker's one-time registration with consent: union, grassroots organisation, name and phone for prize
 * delivery. Name and phone are sealed at rest; the phone's keyed hash makes one account per phone.
 */
package org.netsecweek.quiz.registration;
