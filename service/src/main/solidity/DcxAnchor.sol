// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// @title dcx anchoring contract
/// @notice Records Merkle roots over the dcx registry's leaves (work registrations and settled trades, numbered
///         1, 2, 3, ... in the order the service first recorded them). Only the owner (the deployer: the service's
///         anchoring key) records. Anchors are contiguous: each one covers the leaves right after the previous
///         one's range, so the chain alone shows that no range was skipped or anchored twice, and a transaction
///         sent again after a crash reverts instead of recording a second anchor.
///         See service/AUDIT.md, "Anchoring and proofs", for the leaf and tree format.
contract DcxAnchor {
    struct Anchor {
        bytes32 root;
        uint64 fromSeq;
        uint64 toSeq;
        uint32 count;
        uint64 anchoredAt;
    }

    address public immutable owner;
    /// @notice The first leaf number the next anchor must cover.
    uint64 public nextSeq = 1;
    Anchor[] private anchors;

    event Anchored(uint256 indexed index, bytes32 root, uint64 fromSeq, uint64 toSeq, uint32 count);

    error NotOwner(address caller);
    error NotContiguous(uint64 expectedFromSeq, uint64 fromSeq);
    error BadRange(uint64 fromSeq, uint64 toSeq, uint32 count);
    error EmptyRoot();
    error NoSuchAnchor(uint256 index, uint256 anchors);

    constructor() {
        owner = msg.sender;
    }

    /// @notice Records the root over leaves fromSeq..toSeq (inclusive, count = toSeq - fromSeq + 1); answers its index.
    function anchor(bytes32 root, uint64 fromSeq, uint64 toSeq, uint32 count) external returns (uint256 index) {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        if (fromSeq != nextSeq) revert NotContiguous(nextSeq, fromSeq);
        if (toSeq < fromSeq || uint256(toSeq) - fromSeq + 1 != count) revert BadRange(fromSeq, toSeq, count);
        if (root == bytes32(0)) revert EmptyRoot();
        index = anchors.length;
        anchors.push(Anchor(root, fromSeq, toSeq, count, uint64(block.timestamp)));
        nextSeq = toSeq + 1;
        emit Anchored(index, root, fromSeq, toSeq, count);
    }

    /// @notice The anchor at `index`: root, leaf range, count and block time (seconds since the epoch).
    function anchorAt(uint256 index)
        external
        view
        returns (bytes32 root, uint64 fromSeq, uint64 toSeq, uint32 count, uint64 anchoredAt)
    {
        if (index >= anchors.length) revert NoSuchAnchor(index, anchors.length);
        Anchor storage a = anchors[index];
        return (a.root, a.fromSeq, a.toSeq, a.count, a.anchoredAt);
    }

    function anchorCount() external view returns (uint256) {
        return anchors.length;
    }
}
