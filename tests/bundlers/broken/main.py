# A program whose imported module does not compile: the bundlers must report it.
import greeting

print(greeting.hello())
