import ﬁle.naïve
from ℌ import x
