# Attribute-heavy code: reading and writing instance attributes, including
# through a property and on objects of several classes.


class Particle:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.vx = 1
        self.vy = -1
        self.hits = 0


class Box:
    def __init__(self, w, h):
        self.w = w
        self.h = h
        self._moves = 0

    @property
    def moves(self):
        return self._moves


def simulate(particles, box, steps):
    for _ in range(steps):
        for p in particles:
            p.x += p.vx
            p.y += p.vy
            if p.x < 0 or p.x >= box.w:
                p.vx = -p.vx
                p.hits += 1
            if p.y < 0 or p.y >= box.h:
                p.vy = -p.vy
                p.hits += 1
            box._moves += 1
    return box.moves


box = Box(97, 89)
particles = [Particle(i * 7 % 97, i * 13 % 89) for i in range(100)]
moves = simulate(particles, box, 32000)
print(moves, sum(p.hits for p in particles), sum(p.x * 3 + p.y for p in particles))
