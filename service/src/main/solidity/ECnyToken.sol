// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// @title e-CNY stand-in for the dcx pilot
/// @notice An ERC-20-style token that plays the e-CNY on a test EVM node: 2 decimals, so one unit is one fen.
///         Only the issuer (the deployer) mints. Arithmetic relies on Solidity 0.8's checked math: an overflow
///         or an overdraft reverts, it never wraps.
contract ECnyToken {
    string public constant name = "e-CNY (dcx pilot)";
    string public constant symbol = "eCNY";
    uint8 public constant decimals = 2;

    address public immutable issuer;
    uint256 public totalSupply;

    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    error NotIssuer(address caller);
    error ZeroAddress();
    error InsufficientBalance(address account, uint256 balance, uint256 needed);
    error InsufficientAllowance(address owner, address spender, uint256 allowance, uint256 needed);

    constructor() {
        issuer = msg.sender;
    }

    /// @notice Issues new tokens to `to` (issuer only); logged as a Transfer from the zero address.
    function mint(address to, uint256 value) external {
        if (msg.sender != issuer) revert NotIssuer(msg.sender);
        if (to == address(0)) revert ZeroAddress();
        totalSupply += value;
        balanceOf[to] += value;
        emit Transfer(address(0), to, value);
    }

    function transfer(address to, uint256 value) external returns (bool) {
        _move(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        if (spender == address(0)) revert ZeroAddress();
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        if (allowed != type(uint256).max) {
            if (allowed < value) revert InsufficientAllowance(from, msg.sender, allowed, value);
            allowance[from][msg.sender] = allowed - value;
        }
        _move(from, to, value);
        return true;
    }

    function _move(address from, address to, uint256 value) private {
        if (to == address(0)) revert ZeroAddress();
        uint256 balance = balanceOf[from];
        if (balance < value) revert InsufficientBalance(from, balance, value);
        balanceOf[from] = balance - value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
    }
}
