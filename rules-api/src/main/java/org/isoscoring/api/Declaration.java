package org.isoscoring.api;

/** State of the public declaration of conformity with TCVN ISO 9001:2015 (criterion 12.1). */
public enum Declaration { CURRENT, OUTDATED, NONE }
