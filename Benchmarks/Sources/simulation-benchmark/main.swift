print("simulation benchmark: not written yet")
