print("ORC benchmark: not written yet")
