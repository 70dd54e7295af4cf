/** The dcx Fabric contract. */
package io.dcx.chaincode;
