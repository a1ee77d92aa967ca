package org.isoscoring.api;

/** State of the decision that sets up the ISO steering team (criterion 1.1). */
public enum IsoTeam { CURRENT, OUTDATED, MISSING }
