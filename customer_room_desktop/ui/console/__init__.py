"""The facilitator's console on the laptop screen."""
